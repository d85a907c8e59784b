// Keeps the page up when a part of it throws (a layout failure, a rendering bug): the part shows
// what went wrong and the rest of the app keeps working.
import { Component, type ReactNode } from 'react';

interface Props {
  what: string;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="m-6 rounded-lg border border-rose-300 bg-rose-50 p-4 text-sm text-rose-900">
        <p className="font-semibold">The {this.props.what} failed to draw.</p>
        <p className="mt-1 font-mono text-xs">{error.message}</p>
        <button type="button" className="mt-3 rounded border border-rose-400 bg-white px-3 py-1" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
