// The contact form of a proposal: a message e-mailed to the other side, Reply-To the sender.
import { useId } from "react";
import { ErrorList, LabelRow, RequiredFieldsNote, type ListOfErrors } from "~/components/forms";
import { PostForm } from "~/components/post-form";

export function ContactForm({
  postId,
  counterpartId,
  intent = "contact",
  action,
  buttonLabel,
  defaultMessage,
  errors,
}: {
  postId: string;
  counterpartId: string;
  intent?: string;
  /** Where to post it: the page of the sender's own post, when sent from another page. */
  action?: string;
  buttonLabel: string;
  defaultMessage: string;
  errors?: ListOfErrors;
}) {
  const id = useId();
  return (
    <PostForm action={action} className="mt-3" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="postId" value={postId} />
      <input type="hidden" name="counterpartId" value={counterpartId} />
      <RequiredFieldsNote />
      <LabelRow required>
        <label htmlFor={id} className="label">
          Votre message
        </label>
      </LabelRow>
      <textarea
        id={id}
        name="message"
        rows={3}
        required
        maxLength={2000}
        defaultValue={defaultMessage}
        className="input"
        aria-invalid={errors?.length ? true : undefined}
      />
      <ErrorList errors={errors} />
      <button type="submit" className="btn-primary mt-2">
        {buttonLabel}
      </button>
    </PostForm>
  );
}
