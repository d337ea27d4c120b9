import { TextInput, type TextInputProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { changedInputStyles } from '../custom-fields/changed-styles';
import { errorNode } from './field-problem';
import type { ProfileForm } from './use-profile-form';

/** Props of a text field of the profile form. */
export interface ProfileTextInputProps extends Omit<TextInputProps, 'value' | 'onChange' | 'error' | 'form'> {
  form: ProfileForm;
  path: string;
  label: string;
  /** Shown under the field when it has no error. */
  hint?: ReactNode;
}

/** A text input bound to one path of the profile form, showing its client or server error. */
export function ProfileTextInput({ form, path, label, hint, ...props }: ProfileTextInputProps) {
  const value = form.values[path];
  const problem = form.errorOf(path);
  return (
    <TextInput
      {...props}
      label={label}
      name={path}
      value={typeof value === 'string' ? value : ''}
      onChange={(event) => form.setValue(path, event.currentTarget.value)}
      error={errorNode(problem)}
      description={problem ? undefined : hint}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      styles={changedInputStyles(form.dirtyPaths.includes(path))}
    />
  );
}
