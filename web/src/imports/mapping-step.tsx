import { Alert, Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { ImportTarget } from '../../../src/shared/import-schemas';
import type { CustomField } from '../api/types';
import { ColumnTargetPicker } from './column-target-picker';
import { mapsIdentity, sampleValues, targetFromKey, targetGroups } from './import-mapping';

/** Props of the mapping step. */
export interface MappingStepProps {
  headers: string[];
  preview: string[][];
  mapping: ImportTarget[];
  /** Why each column's choice cannot be used (see mappingProblems). */
  problems: Array<string | null>;
  customFields: CustomField[];
  onChange(mapping: ImportTarget[]): void;
}

/** The third step: one line per column with its header, two sample values and what it becomes. */
export function MappingStep({
  headers,
  preview,
  mapping,
  problems,
  customFields,
  onChange,
}: MappingStepProps) {
  const groups = useMemo(() => targetGroups(customFields), [customFields]);
  const setTarget = (index: number, target: ImportTarget) =>
    onChange(mapping.map((current, i) => (i === index ? target : current)));

  return (
    <Stack gap="md">
      {!mapsIdentity(mapping) && (
        <Alert color="yellow" title="No column says who the contact is" role="alert">
          No column is mapped to a name, a phone number or an email, so the contacts would be hard to
          recognise and could not be matched with existing ones. Map at least one column to Name, First name,
          Last name, Phone, WhatsApp ID or Email.
        </Alert>
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" fz="sm">
          <Table.Caption>Each column of the file and what it becomes in Rolo</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w="26%">
                Column
              </Table.Th>
              <Table.Th scope="col" w="30%">
                Sample values
              </Table.Th>
              <Table.Th scope="col">Import as</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {headers.map((header, index) => {
              const name = header.trim() || `Column ${index + 1}`;
              const target = mapping[index] ?? { kind: 'ignore' };
              const samples = sampleValues(preview, index);
              return (
                <Table.Tr key={index}>
                  <Table.Th scope="row" fw={500} style={{ verticalAlign: 'top' }}>
                    <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {name}
                    </Text>
                  </Table.Th>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    {samples.length ? (
                      samples.map((value, i) => (
                        <Text key={i} size="sm" truncate="end" maw={260} title={value}>
                          {value}
                        </Text>
                      ))
                    ) : (
                      <Text size="sm" c="dimmed">
                        (empty in the first rows)
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <ColumnTargetPicker
                      columnName={name}
                      target={target}
                      groups={groups}
                      problem={problems[index] ?? null}
                      onPick={(key) =>
                        setTarget(index, targetFromKey(key, { header, index, current: target }, mapping))
                      }
                      onChange={(next) => setTarget(index, next)}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
