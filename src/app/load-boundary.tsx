// Catches a lazy chunk that failed to load (the editor, the terminal) and says so in its place.

import { Component, type ReactNode } from "react";

export class LoadBoundary extends Component<{ what: string; className: string; children: ReactNode }, { message: string | null }> {
  state = { message: null as string | null };
  static getDerivedStateFromError(error: unknown) {
    return { message: error instanceof Error ? error.message : String(error) };
  }
  render() {
    if (this.state.message) return <p className={this.props.className} role="alert">The {this.props.what} failed to load: {this.state.message}. Reload the page to try again.</p>;
    return this.props.children;
  }
}
