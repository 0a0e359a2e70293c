import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { AccessTokensApi } from '@interakt/admin/access-tokens/data-access';
import { confirmAction } from '@interakt/admin/shared/ui';
import { errorSentence, ROLE_LABELS } from '@interakt/admin/shared/util';
import type { AccessTokenDto } from '@interakt/shared/api-contracts';
import { EMPTY, switchMap } from 'rxjs';
import { CreateTokenDialog } from './create-token-dialog';

/** Application access tokens (SPEC §5): list, create (secret shown once), revoke. */
@Component({
  selector: 'adm-tokens-page',
  imports: [DatePipe, MatButtonModule, MatIconModule, MatProgressBarModule, MatTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="header">
      <h1>Access Tokens</h1>
      <button mat-flat-button type="button" (click)="create()">
        <mat-icon svgIcon="add" aria-hidden="true" />
        Create token
      </button>
    </header>
    <p class="intro">
      Tokens let scripts and other applications call the API with the permissions of a role. Revoke a token to stop it at once.
    </p>

    <div class="table-wrap">
      @if (tokens.isLoading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading tokens" />
      }
      <table mat-table [dataSource]="rows()" aria-label="Access tokens">
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef>Name</th>
          <td mat-cell *matCellDef="let token">{{ token.name }}</td>
        </ng-container>
        <ng-container matColumnDef="prefix">
          <th mat-header-cell *matHeaderCellDef>Starts with</th>
          <td mat-cell *matCellDef="let token">
            <code>{{ token.prefix }}…</code>
          </td>
        </ng-container>
        <ng-container matColumnDef="role">
          <th mat-header-cell *matHeaderCellDef>Role</th>
          <td mat-cell *matCellDef="let token">{{ roleLabel(token) }}</td>
        </ng-container>
        <ng-container matColumnDef="createdAt">
          <th mat-header-cell *matHeaderCellDef>Created</th>
          <td mat-cell *matCellDef="let token">
            {{ token.createdAt | date: 'mediumDate' }}
            <div class="by">by {{ token.createdBy.name ?? token.createdBy.email ?? 'system' }}</div>
          </td>
        </ng-container>
        <ng-container matColumnDef="expiresAt">
          <th mat-header-cell *matHeaderCellDef>Expires</th>
          <td mat-cell *matCellDef="let token">
            @if (token.expiresAt) {
              {{ token.expiresAt | date: 'mediumDate' }}
            } @else {
              <span class="never">Never</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="lastUsedAt">
          <th mat-header-cell *matHeaderCellDef>Last used</th>
          <td mat-cell *matCellDef="let token">{{ token.lastUsedAt ? (token.lastUsedAt | date: 'medium') : 'Never' }}</td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef><span class="visually-hidden">Actions</span></th>
          <td mat-cell *matCellDef="let token">
            <button mat-button type="button" (click)="revoke(token)" [attr.aria-label]="'Revoke ' + token.name">Revoke</button>
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let token; columns: columns" data-testid="token-row"></tr>
        <tr class="mat-row" *matNoDataRow>
          <td class="mat-cell empty" [attr.colspan]="columns.length">
            @if (tokens.error(); as error) {
              <span role="alert">Could not load the tokens. {{ errorText(error) }}</span>
              <button mat-button type="button" (click)="tokens.reload()">Retry</button>
            } @else if (tokens.isLoading()) {
              Loading tokens…
            } @else {
              No access tokens yet.
            }
          </td>
        </tr>
      </table>
    </div>
  `,
  styles: `
    .header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 16px;
      margin-bottom: 8px;
      h1 {
        margin: 0;
      }
    }
    .intro {
      margin: 0 0 16px;
      color: var(--mat-sys-on-surface-variant);
    }
    .table-wrap {
      position: relative;
      overflow-x: auto;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      mat-progress-bar {
        position: absolute;
        top: 0;
        left: 0;
        right: 0;
        z-index: 1;
      }
    }
    .by {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .never {
      color: var(--mat-sys-error);
    }
    .empty {
      padding: 24px 16px;
      text-align: center;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `,
})
export class TokensPage {
  private readonly api = inject(AccessTokensApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly columns = ['name', 'prefix', 'role', 'createdAt', 'expiresAt', 'lastUsedAt', 'actions'];
  protected readonly tokens = rxResource({ stream: () => this.api.list() });
  protected readonly rows = computed(() => (this.tokens.hasValue() ? this.tokens.value().items : []));

  protected roleLabel(token: AccessTokenDto): string {
    return ROLE_LABELS[token.role];
  }

  protected create(): void {
    this.dialog
      .open(CreateTokenDialog)
      .afterClosed()
      .subscribe(() => this.tokens.reload());
  }

  protected revoke(token: AccessTokenDto): void {
    confirmAction(this.dialog, {
      title: `Revoke "${token.name}"?`,
      message: `Everything using the token ${token.prefix}… stops working at once. This cannot be undone.`,
      confirmLabel: 'Revoke token',
      danger: true,
    })
      .pipe(switchMap((ok) => (ok ? this.api.revoke(token.id) : EMPTY)))
      .subscribe({
        next: () => {
          this.tokens.reload();
          this.snackBar.open(`Token "${token.name}" revoked.`, 'Close', { duration: 4000 });
        },
        error: (e: unknown) => {
          this.tokens.reload();
          this.snackBar.open(errorSentence(e), 'Close', { duration: 10000 });
        },
      });
  }

  protected errorText(error: unknown): string {
    return errorSentence(error);
  }
}
