/** The key under which the form keeps the current step of the wizard at `path`. */
export const wizardKey = (path: string) => `wizard:${path}`;
