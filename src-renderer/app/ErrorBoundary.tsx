import { Component, type ReactNode } from 'react';
import type { ParentMessages } from '../../src-shared/i18n/parents/parent-keys';

interface ErrorBoundaryProps {
  texts: ParentMessages;
  /** Called a few seconds after a crash; the app starts over from the start screen. */
  onRecover: () => void;
  children: ReactNode;
}

interface ErrorBoundaryState {
  hasFailed: boolean;
}

const recoverAfterMs = 5000;

/** A parent never sees a stack trace: a calm screen, then the start screen again. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { hasFailed: false };
  private timer: number | undefined;

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { hasFailed: true };
  }

  override componentDidCatch(): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => {
      this.setState({ hasFailed: false });
      this.props.onRecover();
    }, recoverAfterMs);
  }

  override componentWillUnmount(): void {
    window.clearTimeout(this.timer);
  }

  override render(): ReactNode {
    if (!this.state.hasFailed) return this.props.children;
    return (
      <main className="screen message-screen" data-screen="crash">
        <div role="alert">
          <h1>{this.props.texts['crash.title']}</h1>
        </div>
        <p className="message-body">{this.props.texts['crash.body']}</p>
      </main>
    );
  }
}
