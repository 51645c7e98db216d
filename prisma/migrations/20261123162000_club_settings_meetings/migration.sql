-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "cancelledAt" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Club" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "departementCode" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "reminderCapDays" INTEGER NOT NULL DEFAULT 30,
    "calendarToken" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Club_departementCode_fkey" FOREIGN KEY ("departementCode") REFERENCES "Departement" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Club" ("createdAt", "departementCode", "description", "id", "name") SELECT "createdAt", "departementCode", "description", "id", "name" FROM "Club";
DROP TABLE "Club";
ALTER TABLE "new_Club" RENAME TO "Club";
CREATE UNIQUE INDEX "Club_calendarToken_key" ON "Club"("calendarToken");
CREATE INDEX "Club_departementCode_idx" ON "Club"("departementCode");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

