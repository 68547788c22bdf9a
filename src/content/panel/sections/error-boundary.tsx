import { Component, type ComponentChildren } from 'preact';
import { t } from '../../../shared/i18n';

interface State {
  error: string | null;
}

/** The panel boundary: a render error becomes a message in the panel, never an exception in Exact's page. */
export class ErrorBoundary extends Component<{ children: ComponentChildren }, State> {
  override state: State = { error: null };

  static override getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  override componentDidCatch(): void {
    // getDerivedStateFromError already switched to the message; nothing may propagate further.
  }

  override render() {
    if (this.state.error !== null) {
      return (
        <div class="urenbrug-panel">
          <p class="notice error" role="alert" data-testid="panel-crashed">
            {t('panel_crashed', this.state.error)}
          </p>
        </div>
      );
    }
    return this.props.children;
  }
}
