import { useCallback, useEffect, useRef, useState } from 'react';
import type { StaffDraft } from '../../../src-shared/contract/staff-session';
import { client } from '../../api/transport';

const activityEvents = ['pointerdown', 'keydown', 'wheel'] as const;

/** A keep-alive goes at most this often while staff keep touching; a tenth of the session at the least. */
const keepAliveSpacingMs = 15_000;
/** The warning comes a minute before the end, or halfway on a session shorter than two minutes. */
const warningLeadMs = 60_000;

interface StaffSessionOptions {
  /** The unlocked session's token; null while the PIN pad shows. */
  token: string | null;
  /** What the main side said the session lasts untouched. */
  idleSeconds: number;
  /** The form being edited now, to be kept should the session end; null on other screens. */
  draftOf: () => StaffDraft | null;
  /**
   * The session has ended: 'idle' when nobody touched the screen for its length (the kiosk goes
   * back to the parents), 'refused' when the main side said so first.
   */
  onEnded: (reason: 'idle' | 'refused') => void;
}

export interface StaffSession {
  /** Seconds left while the warning shows, else null. */
  secondsLeft: number | null;
  /** Any staff call that went through also renewed the session on the main side. */
  renewed: (sentAt: number) => void;
  /** Sends the current draft now (e.g. null right after a save), whatever the spacing. */
  keepAliveNow: () => void;
}

/**
 * Every touch and key in the staff area is activity: it renews the session through the contract,
 * spaced so typing costs a call every few seconds at most, with a last one after the final touch
 * so that the main side (whose expiry is the authority) and this screen agree on the end.
 */
export function useStaffSession({ token, idleSeconds, draftOf, onEnded }: StaffSessionOptions): StaffSession {
  const idleMs = idleSeconds * 1000;
  const spacingMs = Math.min(keepAliveSpacingMs, idleMs / 10);
  const leadMs = Math.min(warningLeadMs, idleMs / 2);
  const [endsAt, setEndsAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const latest = useRef({ draftOf, onEnded });
  latest.current = { draftOf, onEnded };
  const sentDraft = useRef<string | undefined>(undefined);
  const lastSentAt = useRef(0);
  const trailing = useRef<number | undefined>(undefined);

  const renewed = useCallback(
    (sentAt: number) => setEndsAt((current) => Math.max(current ?? 0, sentAt + idleMs)),
    [idleMs],
  );

  const send = useCallback(() => {
    window.clearTimeout(trailing.current);
    trailing.current = undefined;
    const sentAt = Date.now();
    lastSentAt.current = sentAt;
    const draft = latest.current.draftOf();
    const serialised = JSON.stringify(draft);
    // The draft goes only when it changed; an absent draft leaves the kept one as it is.
    const input = serialised === sentDraft.current ? {} : { draft };
    void client.call('staff.keepAlive', input).then((result) => {
      if (result.ok) {
        sentDraft.current = serialised;
        renewed(sentAt);
      } else if (result.error.code === 'unauthorized') {
        latest.current.onEnded('refused');
      }
    });
  }, [renewed]);

  useEffect(() => {
    if (token === null) {
      setEndsAt(null);
      sentDraft.current = undefined;
      return undefined;
    }
    setEndsAt(Date.now() + idleMs);
    const onActivity = () => {
      const sinceSent = Date.now() - lastSentAt.current;
      if (sinceSent >= spacingMs) send();
      else if (trailing.current === undefined) trailing.current = window.setTimeout(send, spacingMs - sinceSent);
    };
    for (const name of activityEvents) window.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      for (const name of activityEvents) window.removeEventListener(name, onActivity, { capture: true });
      window.clearTimeout(trailing.current);
      trailing.current = undefined;
    };
  }, [token, idleMs, spacingMs, send]);

  useEffect(() => {
    if (endsAt === null) return undefined;
    const left = endsAt - Date.now();
    if (left <= 0) {
      latest.current.onEnded('idle');
      return undefined;
    }
    // Wake at the warning, then every second through it, then at the end.
    const wake = left > leadMs ? left - leadMs : Math.min(1000, left);
    const timer = window.setTimeout(() => setNow(Date.now()), wake);
    return () => window.clearTimeout(timer);
  }, [endsAt, now, leadMs]);

  const left = endsAt === null ? null : endsAt - now;
  const secondsLeft = left !== null && left <= leadMs ? Math.max(0, Math.ceil(left / 1000)) : null;
  return { secondsLeft, renewed, keepAliveNow: send };
}
