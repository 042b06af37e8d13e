/** The evaluation sets' programmes by name: the programme file and the timezone its clock times are in. */
export declare const PROGRAMMES: Record<string, [path: string, timezone: string]>;
