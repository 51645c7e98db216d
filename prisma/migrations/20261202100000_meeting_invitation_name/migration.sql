-- AlterTable: the name of an invitee without an account (a member company's contact, a walk-in)
ALTER TABLE "MeetingInvitation" ADD COLUMN "name" TEXT;
