import { SessionStatus } from '@pave/domain';

/** Props of {@link StatusFilter}. */
export type StatusFilterProps = { value: SessionStatus | null; onChange: (status: SessionStatus | null) => void };

/** A labelled select of the session statuses, with "All statuses". */
export function StatusFilter({ value, onChange }: StatusFilterProps) {
  return (
    <label className="field field--inline">
      <span className="field__label">Status</span>
      <select
        value={value ?? ''}
        onChange={(event) => onChange(SessionStatus.safeParse(event.target.value).data ?? null)}
      >
        <option value="">All statuses</option>
        {SessionStatus.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </label>
  );
}
