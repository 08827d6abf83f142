// The small-group rule of trainer analytics, shared by the server (which applies it) and the page
// (which explains it). Every group of learners behind one number (one question, one scenario
// node, one scenario's endings or abandoned runs) smaller than this is shown as "too few answers",
// so a trainer who knows who took a module cannot tell what one person did.

export const minGroup = 3;

/** A group's numbers, or nothing but the fact that there were too few learners to show them. */
export type Guarded<T> = ({ hidden: false } & T) | { hidden: true };

export const guard = <T extends object>(
  learners: ReadonlySet<string>,
  value: () => T,
): Guarded<T> => (learners.size < minGroup ? { hidden: true } : { hidden: false, ...value() });
