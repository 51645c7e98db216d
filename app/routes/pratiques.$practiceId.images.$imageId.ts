// An image of a practice, served only to those who may read the practice (same rule as its
// page). Its type is the one its bytes showed at upload; nosniff keeps browsers to it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPracticeImage } from "~/models/practice-feed.server";
import { notFound, requireUser } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const image = await getPracticeImage(user, params.practiceId ?? "", params.imageId ?? "");
  if (!image) notFound("Cette image n'existe pas.");
  return new Response(Buffer.from(image.data), {
    headers: {
      "Content-Type": image.mimeType,
      "Content-Length": String(image.size),
      "Cache-Control": "private, max-age=3600",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
