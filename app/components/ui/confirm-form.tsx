import { Form } from "@remix-run/react";
import type { ComponentProps } from "react";

/**
 * A form whose submit first asks the browser's own confirmation dialog (keyboard and screen
 * reader friendly everywhere); cancelling sends nothing. Without JavaScript it submits at once.
 */
export function ConfirmForm({
  question,
  ...props
}: ComponentProps<typeof Form> & { question: string }) {
  return (
    <Form
      {...props}
      onSubmit={(event) => {
        if (!window.confirm(question)) event.preventDefault();
      }}
    />
  );
}
