// The audit log's actions, shared by the server (which writes them) and the page (its filter).

/** Every action the log records. A new kind of change gets a name here first. */
export const auditActions = [
  "person.add",
  "person.update",
  "invitation.send",
  "invitation.accept",
  "person.activate",
  "person.deactivate",
  "person.locale",
  "person.provision",
  "person.sync",
  "sso.link",
  "team.add",
  "team.update",
  "team.archive",
  "team.restore",
  "assignment.add",
  "assignment.end",
  "observation.add",
  "observation.acknowledge",
  "recognition.give",
  "attempts.grant",
  "reminders.nudge",
  "self-assessment.record",
  "password.change",
  "sessions.end",
  "throttle.clear",
  "two-factor.enrol",
  "two-factor.disable",
  "two-factor.reset",
] as const;
export type AuditAction = (typeof auditActions)[number];
