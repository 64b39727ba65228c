/** How the parent screens look; a parent's choice lasts until the kiosk returns to the start on its own. */
export interface DisplaySettings {
  isHighContrast: boolean;
  isLargeText: boolean;
}

export const defaultDisplay = { isHighContrast: false, isLargeText: false } satisfies DisplaySettings;

export function isDefaultDisplay(display: DisplaySettings): boolean {
  return display.isHighContrast === defaultDisplay.isHighContrast && display.isLargeText === defaultDisplay.isLargeText;
}
