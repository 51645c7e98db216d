-- Settings the national administrator changes from the screens: whether prefecture agents must
-- sign in with ProConnect (decision 027).
CREATE TABLE "AppSetting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);
