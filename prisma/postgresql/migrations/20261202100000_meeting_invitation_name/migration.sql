-- AlterTable
ALTER TABLE "MeetingInvitation" ADD COLUMN     "name" TEXT;

