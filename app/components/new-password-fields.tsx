import { getInputProps, type FieldMetadata } from "~/components/use-form";
import { Field } from "./forms";

/** The password and its confirmation, for account creation and password reset. */
export function NewPasswordFields({
  password,
  confirm,
  label = "Mot de passe",
}: {
  password: FieldMetadata<string>;
  confirm: FieldMetadata<string>;
  label?: string;
}) {
  return (
    <>
      <Field
        label={label}
        help="12 caractères au moins. Une phrase de plusieurs mots est facile à retenir et sûre."
        errors={password.errors}
        inputProps={{
          ...getInputProps(password, { type: "password" }),
          autoComplete: "new-password",
        }}
      />
      <Field
        label="Confirmer le mot de passe"
        errors={confirm.errors}
        inputProps={{
          ...getInputProps(confirm, { type: "password" }),
          autoComplete: "new-password",
        }}
      />
    </>
  );
}
