import { prisma } from "~/utils/db.server";

// Answers 200 only when the app and its database answer (docs/design.md contract).
export async function loader() {
  try {
    await prisma.$queryRawUnsafe("SELECT 1");
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json(
      { status: "error" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
