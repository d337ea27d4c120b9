import type { AutomationTrigger } from '../../shared/automation-schemas.js';
import type { ContactChange } from '../events/contact-events.repository.js';

/** How a run's trigger is written in the log: `message_received`, `field_changed:company`, `segment_entered:<id>`. */
export function triggerLabel(trigger: AutomationTrigger): string {
  if (trigger.type === 'field_changed') return `field_changed:${trigger.field}`;
  if (trigger.type === 'segment_entered' || trigger.type === 'segment_left')
    return `${trigger.type}:${trigger.segmentId}`;
  return trigger.type;
}

/** True when a contact change sets off an automation with this trigger (segment triggers come from snapshots). */
export function changeSetsOff(trigger: AutomationTrigger, change: ContactChange): boolean {
  if (trigger.type === 'message_received') return change.type === 'message_received';
  if (trigger.type !== 'field_changed') return false;
  if (change.type === 'created' || change.type === 'deleted') return false;
  return change.fields.includes(trigger.field);
}
