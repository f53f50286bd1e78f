/** The text of a rejection (an Error's message, anything else as a string), for the stores' error fields. */
export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e))
