/**
 * Emitted when a user's live sessions must end at once: a logout, a suspension, a role change.
 * Long-lived connections (the chat sockets) listen and disconnect the user; plain HTTP needs nothing,
 * since every request re-reads the user (JwtStrategy).
 */
export const USER_ACCESS_CHANGED = 'user.access_changed';

export interface UserAccessChangedEvent {
  userId: string;
  reason: 'logout' | 'suspended' | 'role_changed';
}
