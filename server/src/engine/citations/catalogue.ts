// Placeholder: the citation work defines the real catalogue entry here.
export interface KnownDocument { key: string }
