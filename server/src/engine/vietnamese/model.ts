// Placeholder: the spelling work defines the real SpellingModel here.
export interface SpellingModel { readonly kind: 'spelling-model' }
