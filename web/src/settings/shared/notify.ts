import { notifications } from '@mantine/notifications';
import { messageOf } from '../../api/api-error';

const CLOSE = { 'aria-label': 'Dismiss' };

/** Tells that something worked. */
export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: 'teal', title, message, autoClose: 5000, closeButtonProps: CLOSE });
}

/** Tells that something failed and why (the server's message). */
export function notifyFailure(title: string, error: unknown): void {
  notifications.show({
    color: 'red',
    title,
    message: messageOf(error),
    autoClose: 8000,
    closeButtonProps: CLOSE,
  });
}
