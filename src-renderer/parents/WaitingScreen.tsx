interface WaitingScreenProps {
  message: string;
  isProblem: boolean;
}

/** Shown while the kiosk service starts, or while it cannot be reached; retried in the background. */
export function WaitingScreen({ message, isProblem }: WaitingScreenProps) {
  return (
    <main className="screen message-screen" data-screen={isProblem ? 'unavailable' : 'loading'}>
      <div role="status">
        <h1>{message}</h1>
      </div>
    </main>
  );
}
