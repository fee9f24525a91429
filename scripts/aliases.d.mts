export function pathAliases(): { find: string; replacement: string }[];
