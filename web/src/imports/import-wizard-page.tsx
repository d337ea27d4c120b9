import { Alert, Button, Group, Stack, Stepper, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { ImportPlan, ImportTarget, ImportUpload } from '../../../src/shared/import-schemas';
import { queryKeys, useCustomFields } from '../api/workspace-queries';
import { useSession } from '../auth/session-context';
import { plural } from '../settings/shared/plural';
import { ErrorPanel } from '../ui/error-panel';
import { DryRunStep } from './dry-run-step';
import { initialMapping, mappingProblems } from './import-mapping';
import { startImport } from './import-queries';
import { ImportRunView } from './import-run-view';
import { MappingStep } from './mapping-step';
import { OptionsStep, type ImportOptions } from './options-step';
import { PreviewStep } from './preview-step';
import { UploadStep } from './upload-step';
import { useDryRun } from './use-dry-run';
import { useUpload } from './use-upload';

const STEPS = [
  { label: 'Upload', title: 'Choose the file to import' },
  { label: 'Preview', title: 'Check how the file was read' },
  { label: 'Map columns', title: 'Choose what each column becomes' },
  { label: 'Options', title: 'Set the import options' },
  { label: 'Dry run', title: 'What the import would do' },
  { label: 'Run', title: 'The import and its report' },
];
const UPLOAD = 0;
const PREVIEW = 1;
const MAPPING = 2;
const OPTIONS = 3;
const DRY_RUN = 4;
const RUN = 5;

/** The import wizard (`/contacts/import`): upload, preview, map columns, options, dry run, then the run and its report. */
export function ImportWizardPage() {
  useDocumentTitle('Import contacts · Rolo');
  const { session, isAdmin } = useSession();
  if (isAdmin) return <ImportWizard defaultCountry={session.workspace.defaultCountry} />;
  return (
    <Stack gap="md" maw={720}>
      <Title order={1} size="h2">
        Import contacts
      </Title>
      <Alert color="yellow" title="Only admins can import contacts" role="status">
        Your role is agent. Ask an admin or the owner of this workspace to import the file for you.
      </Alert>
    </Stack>
  );
}

function ImportWizard({ defaultCountry }: { defaultCountry: string }) {
  const queryClient = useQueryClient();
  const customFields = useCustomFields();
  const fields = useMemo(() => customFields.data ?? [], [customFields.data]);
  const upload = useUpload();
  const [active, setActive] = useState(UPLOAD);
  const [file, setFile] = useState<ImportUpload | null>(null);
  const [mapping, setMapping] = useState<ImportTarget[]>([]);
  const [options, setOptions] = useState<ImportOptions>({
    defaultCountry,
    tags: [],
    policy: 'fill',
    keepRowsWithInvalidPhone: false,
  });
  const [runningId, setRunningId] = useState<string | null>(null);
  const importId = file?.import.id ?? null;
  const dryRun = useDryRun(importId);
  const headers = file?.import.file.headers ?? [];
  const problems = mappingProblems(mapping, headers, fields);
  const plan: ImportPlan = { mapping, options };
  const heading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(active);

  useEffect(() => {
    if (shownStep.current === active) return;
    shownStep.current = active;
    heading.current?.focus();
  }, [active]);

  const start = useMutation({
    mutationFn: () => startImport(importId ?? '', plan),
    onSuccess: (item) => {
      queryClient.setQueryData(queryKeys.importById(item.id), item);
      void queryClient.invalidateQueries({ queryKey: queryKeys.imports, exact: true });
      setRunningId(item.id);
      setActive(RUN);
    },
  });

  const onFile = async (chosen: File) => {
    setFile(null);
    dryRun.reset();
    const result = await upload.send(chosen);
    if (!result) return;
    setFile(result);
    setMapping(initialMapping(result.proposedMapping, result.import.file.headers));
    setActive(PREVIEW);
  };
  const startOver = () => {
    upload.cancel();
    setFile(null);
    setRunningId(null);
    start.reset();
    dryRun.reset();
    setActive(UPLOAD);
  };
  const runDryRun = () => {
    dryRun.run(plan);
    setActive(DRY_RUN);
  };

  const ready = dryRun.state.phase === 'ready' ? dryRun.state.result : null;
  const toImport = ready ? ready.counts.created + ready.counts.updated : 0;
  const blocked = problems.some(Boolean);

  return (
    <Stack gap="md" maw={1180}>
      <Group justify="space-between" align="flex-end" gap="sm" wrap="nowrap">
        <div>
          <Title order={1} size="h2">
            Import contacts
          </Title>
          <Text c="dimmed" size="sm">
            From a spreadsheet, another CRM or an address book. Nothing is saved until you start the import
            after the dry run.
          </Text>
        </div>
        <Button component={Link} to="/contacts/imports" variant="default">
          Import history
        </Button>
      </Group>
      <Stepper
        active={active}
        onStepClick={runningId ? undefined : setActive}
        allowNextStepsSelect={false}
        size="sm"
      >
        {STEPS.map((step) => (
          <Stepper.Step key={step.label} label={step.label} />
        ))}
      </Stepper>
      <Title order={2} size="h4" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
        {STEPS[active]?.title}
      </Title>

      {active === UPLOAD && <UploadStep state={upload.state} onFile={onFile} onCancel={upload.cancel} />}
      {active === PREVIEW && file && <PreviewStep upload={file} />}
      {active === MAPPING && file && (
        <MappingStep
          headers={headers}
          preview={file.preview}
          mapping={mapping}
          problems={problems}
          customFields={fields}
          onChange={setMapping}
        />
      )}
      {active === OPTIONS && <OptionsStep options={options} onChange={setOptions} />}
      {active === DRY_RUN && <DryRunStep state={dryRun.state} />}
      {active === RUN && runningId && (
        <ImportRunView
          importId={runningId}
          actions={
            <>
              <Button variant="default" onClick={startOver}>
                Import another file
              </Button>
              <Button component={Link} to="/contacts/imports" variant="subtle">
                Import history
              </Button>
            </>
          }
        />
      )}
      {start.isError && <ErrorPanel title="The import did not start" error={start.error} />}

      {active !== RUN && (
        <Group justify="space-between" gap="sm">
          {active > UPLOAD ? (
            <Button variant="default" onClick={() => setActive(active === DRY_RUN ? MAPPING : active - 1)}>
              {active === DRY_RUN ? 'Back to the mapping' : 'Back'}
            </Button>
          ) : (
            <span />
          )}
          {active === UPLOAD && file && <Button onClick={() => setActive(PREVIEW)}>Next: preview</Button>}
          {active === PREVIEW && <Button onClick={() => setActive(MAPPING)}>Next: map columns</Button>}
          {active === MAPPING && (
            <Group gap="sm">
              {blocked && (
                <Text size="sm" c="red.9">
                  Fix the columns marked in red to go on.
                </Text>
              )}
              <Button onClick={() => setActive(OPTIONS)} disabled={blocked}>
                Next: options
              </Button>
            </Group>
          )}
          {active === OPTIONS && <Button onClick={runDryRun}>Next: dry run</Button>}
          {active === DRY_RUN && (
            <Button
              onClick={() => start.mutate()}
              loading={start.isPending}
              disabled={!ready || toImport === 0}
            >
              {!ready ? 'Import' : toImport ? `Import ${plural(toImport, 'row')}` : 'Nothing to import'}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
