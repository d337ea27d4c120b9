import { Mark, Paper, Text } from '@mantine/core';
import { templateSegments } from './template-fill';

/** The template's text as the customer will read it; parameters without a value show as highlighted `{{n}}`. */
export function TemplatePreview({ body, parameters }: { body: string; parameters: readonly string[] }) {
  return (
    <Paper component="figure" withBorder p="xs" m={0} radius="md" bg="var(--mantine-color-default-hover)">
      <Text component="figcaption" size="xs" c="dimmed" fw={600}>
        Preview
      </Text>
      <Text
        size="sm"
        style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        data-testid="template-preview"
      >
        {templateSegments(body, parameters).map((segment, index) =>
          segment.kind === 'text' ? (
            <span key={index}>{segment.text}</span>
          ) : segment.value ? (
            <strong key={index}>{segment.value}</strong>
          ) : (
            <Mark key={index} color="yellow">{`{{${segment.name}}}`}</Mark>
          ),
        )}
      </Text>
    </Paper>
  );
}
