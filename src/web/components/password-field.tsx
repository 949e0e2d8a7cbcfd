import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Mantine's PasswordInput with its show/hide button named in the UI's language, and `aria-invalid` on the
 * input when the field has an error (Mantine only sets a data attribute there).
 */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      aria-invalid={props.error ? true : undefined}
      {...props}
      visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword'), ...props.visibilityToggleButtonProps }}
    />
  );
}
