/** Task statuses; wire values never change once shipped. */
export enum TaskStatus {
  Assigned = 'assigned',
  InProgress = 'in_progress',
  Submitted = 'submitted',
  Completed = 'completed',
}
