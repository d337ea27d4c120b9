import { ActionIcon, Button, Group, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { OPERATORS_BY_KIND, type FilterField } from '../../../src/shared/filter/filter-fields';
import { FILTER_LIMITS, type FilterOp } from '../../../src/shared/filter/filter-tree';
import {
  emptyGroup,
  newCondition,
  replaceItem,
  startValue,
  type BuilderCondition,
  type BuilderGroup,
  type BuilderItem,
} from './builder-model';
import { ConditionValueInput } from './condition-value-input';
import { fieldPickerData, opLabel } from './field-options';

/** Props of the filter builder. */
export interface FilterBuilderProps {
  fields: ReadonlyMap<string, FilterField>;
  value: BuilderGroup;
  onChange(next: BuilderGroup): void;
}

const DEFAULT_FIELD = 'tags';

interface ItemProps {
  fields: ReadonlyMap<string, FilterField>;
  pickerData: ReturnType<typeof fieldPickerData>;
  depth: number;
  path: string;
  onReplace(key: string, next: BuilderItem | null): void;
}

/** The NOT switch of a row or group: a small toggle button, red while on. */
function NotToggle({
  checked,
  onChange,
  label,
}: {
  checked: boolean;
  onChange(v: boolean): void;
  label: string;
}) {
  return (
    <Button
      size="compact-xs"
      variant={checked ? 'filled' : 'subtle'}
      color={checked ? 'red' : 'gray'}
      aria-pressed={checked}
      aria-label={label}
      onClick={() => onChange(!checked)}
    >
      NOT
    </Button>
  );
}

function ConditionRow({ row, fields, pickerData, path, onReplace }: ItemProps & { row: BuilderCondition }) {
  const field = fields.get(row.field);
  const label = `condition ${path}`;
  const update = (change: Partial<BuilderCondition>) => onReplace(row.key, { ...row, ...change });
  return (
    <Group gap={6} wrap="wrap" align="center" data-testid="filter-condition">
      <NotToggle checked={row.negated} onChange={(negated) => update({ negated })} label={`NOT ${label}`} />
      <Select
        aria-label={`Field of ${label}`}
        size="xs"
        w={200}
        data={pickerData}
        value={row.field}
        searchable
        allowDeselect={false}
        nothingFoundMessage="No such field"
        comboboxProps={{ withinPortal: true }}
        onChange={(id) => {
          const next = id ? fields.get(id) : undefined;
          if (next) onReplace(row.key, { ...newCondition(next), key: row.key, negated: row.negated });
        }}
        error={field ? undefined : 'This field no longer exists'}
      />
      {field && (
        <>
          <Select
            aria-label={`Operator of ${label}`}
            size="xs"
            w={170}
            data={OPERATORS_BY_KIND[field.kind].map((op) => ({ value: op, label: opLabel(op, field) }))}
            value={row.op}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            onChange={(op) => {
              if (op) update({ op: op as FilterOp, value: startValue(field, op as FilterOp, row.value) });
            }}
          />
          <ConditionValueInput
            field={field}
            op={row.op}
            value={row.value}
            onChange={(value) => update({ value })}
            label={`Value of ${label}`}
          />
        </>
      )}
      <ActionIcon
        variant="subtle"
        color="gray"
        size="sm"
        aria-label={`Remove ${label}`}
        onClick={() => onReplace(row.key, null)}
      >
        <span aria-hidden="true">✕</span>
      </ActionIcon>
    </Group>
  );
}

function GroupEditor({ group, ...props }: ItemProps & { group: BuilderGroup }) {
  const { fields, depth, path, onReplace } = props;
  const root = depth === 0;
  const update = (change: Partial<BuilderGroup>) => onReplace(group.key, { ...group, ...change });
  const addRow = () => {
    const field = fields.get(DEFAULT_FIELD) ?? [...fields.values()].find((f) => f.kind !== 'search');
    if (field) update({ items: [...group.items, newCondition(field)] });
  };
  const canNest = depth + 1 < FILTER_LIMITS.depth - 1;
  const name = root ? 'the filter' : `group ${path}`;
  return (
    <Paper
      withBorder={!root}
      p={root ? 0 : 'xs'}
      radius="md"
      bg={root ? undefined : 'var(--mantine-color-default-hover)'}
      role="group"
      aria-label={root ? 'Filter' : `Group ${path}`}
      data-testid="filter-group"
    >
      <Stack gap={6}>
        <Group gap={6}>
          <NotToggle
            checked={group.negated}
            onChange={(negated) => update({ negated })}
            label={`NOT ${name}`}
          />
          <Text size="xs" c="dimmed">
            Match
          </Text>
          <SegmentedControl
            size="xs"
            aria-label={`How ${name} combines its conditions`}
            data={[
              { value: 'and', label: 'all' },
              { value: 'or', label: 'any' },
            ]}
            value={group.combine}
            onChange={(combine) => update({ combine: combine as 'and' | 'or' })}
          />
          <Text size="xs" c="dimmed">
            of these
          </Text>
          {!root && (
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              ml="auto"
              aria-label={`Remove ${name}`}
              onClick={() => onReplace(group.key, null)}
            >
              <span aria-hidden="true">✕</span>
            </ActionIcon>
          )}
        </Group>
        {group.items.length === 0 && (
          <Text size="sm" c="dimmed">
            No conditions yet: every contact matches.
          </Text>
        )}
        {group.items.map((item, index) =>
          item.type === 'condition' ? (
            <ConditionRow
              key={item.key}
              {...props}
              row={item}
              path={`${path}${path ? '.' : ''}${index + 1}`}
            />
          ) : (
            <GroupEditor
              key={item.key}
              {...props}
              group={item}
              depth={depth + 1}
              path={`${path}${path ? '.' : ''}${index + 1}`}
            />
          ),
        )}
        <Group gap="xs">
          <Button size="compact-xs" variant="light" onClick={addRow}>
            + Condition
          </Button>
          {canNest && (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() =>
                update({ items: [...group.items, emptyGroup(group.combine === 'and' ? 'or' : 'and')] })
              }
            >
              + Group
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** The advanced-search builder: nested all/any groups with NOT, rows of field, operator and value. */
export function FilterBuilder({ fields, value, onChange }: FilterBuilderProps) {
  const pickerData = useMemo(() => fieldPickerData(fields), [fields]);
  const onReplace = (key: string, next: BuilderItem | null) => {
    if (key === value.key) onChange(next?.type === 'group' ? next : emptyGroup());
    else onChange(replaceItem(value, key, next));
  };
  return (
    <GroupEditor
      group={value}
      fields={fields}
      pickerData={pickerData}
      depth={0}
      path=""
      onReplace={onReplace}
    />
  );
}
