// Every periodic job of the app, registered with the scheduler (app/utils/scheduler.server.ts).
// Add a job here; it starts with the server.

export function registerJobs() {
  // Jobs are registered by the features that need them (meeting reminders, reminder campaigns).
}
