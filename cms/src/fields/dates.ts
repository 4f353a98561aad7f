/**
 * How the admin shows and picks dates: YYYY/MM/DD (and 24-hour time), never Payload's defaults
 * ("Dec 01" with no year, "12/01/2026", "1:05 PM"). The zone is Japan time (admin.timezones).
 */
export const DAY = { pickerAppearance: 'dayOnly', displayFormat: 'yyyy/MM/dd' } as const
export const DAY_AND_TIME = {
  pickerAppearance: 'dayAndTime',
  displayFormat: 'yyyy/MM/dd HH:mm',
  timeFormat: 'HH:mm',
} as const
