import { stepFilters, stepFilterText, type StepFilter as StepFilterValue } from '../utils/step-filter.js';

/** Props of {@link StepFilter}. */
export type StepFilterProps = {
  value: StepFilterValue;
  onChange: (filter: StepFilterValue) => void;
  /** How many steps each filter shows. */
  counts: Record<StepFilterValue, number>;
};

/** The grid filter (all, rejected, retaken) as a radio group. */
export function StepFilter({ value, onChange, counts }: StepFilterProps) {
  return (
    <fieldset className="step-filter">
      <legend>Show steps</legend>
      {stepFilters.map((filter) => (
        <label key={filter} className="step-filter__option">
          <input
            type="radio"
            name="step-filter"
            value={filter}
            checked={value === filter}
            onChange={() => onChange(filter)}
          />
          <span>
            {stepFilterText[filter].label} <span className="step-filter__count">({counts[filter]})</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
