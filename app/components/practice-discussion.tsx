import type { ReactNode } from "react";
import { Form } from "@remix-run/react";
import { RequiredFieldsNote, TextAreaField } from "~/components/forms";
import { MarkdownContent } from "~/components/markdown-content";
import { PostForm } from "~/components/post-form";
import { formatDateTime } from "~/utils/format";

// The discussion under a practice (pratiques.$practiceId._index): its comments, hidden ones
// shown to the animators, and the one-field forms that comment on it or report it.

type Comment = {
  id: string;
  authorName: string;
  createdAt: string | Date;
  hidden: boolean;
  bodyHtml: string;
};

/** The comments, oldest first; animators may hide or show each one. */
export function CommentList({
  comments,
  canModerate,
}: {
  comments: Comment[];
  canModerate: boolean;
}) {
  return (
    <>
      {comments.length === 0 ? (
        <p className="text-gray-700">Pas encore de commentaire.</p>
      ) : (
        <ol className="space-y-3">
          {comments.map((c) => (
            <li key={c.id} className={`card ${c.hidden ? "border-red-300 bg-red-50" : ""}`}>
              <p className="mb-1 text-sm font-semibold">
                {c.authorName}{" "}
                <span className="font-normal text-gray-700">
                  · {formatDateTime(c.createdAt)}
                  {c.hidden ? " · masqué" : ""}
                </span>
              </p>
              <MarkdownContent html={c.bodyHtml} />
              {canModerate ? (
                <Form method="post" className="mt-2">
                  <input
                    type="hidden"
                    name="intent"
                    value={c.hidden ? "unhide-comment" : "hide-comment"}
                  />
                  <input type="hidden" name="commentId" value={c.id} />
                  <button type="submit" className="btn-secondary">
                    {c.hidden ? "Rendre visible" : "Masquer ce commentaire"}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/**
 * A one-textarea form posting `intent` (comments, reports), its help and errors wired for screen
 * readers; `children` come before the button.
 */
export function TextForm({
  intent,
  name,
  label,
  required,
  help,
  defaultValue,
  maxLength,
  errors,
  submitLabel,
  className,
  disabled,
  children,
}: {
  intent: string;
  name: string;
  label: string;
  required?: boolean;
  help?: string;
  defaultValue?: string;
  maxLength: number;
  errors: string[];
  submitLabel: string;
  className: string;
  disabled: boolean;
  children?: ReactNode;
}) {
  return (
    <PostForm className={className} noValidate>
      <input type="hidden" name="intent" value={intent} />
      {required ? <RequiredFieldsNote /> : null}
      <TextAreaField
        className=""
        label={label}
        help={help}
        errors={errors}
        textareaProps={{
          id: `${intent}-${name}`,
          name,
          rows: 3,
          required,
          maxLength,
          defaultValue,
        }}
      />
      {children}
      <button type="submit" className="btn-primary mt-3" disabled={disabled}>
        {submitLabel}
      </button>
    </PostForm>
  );
}
