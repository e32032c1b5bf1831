/** English messages: the source of every key (zh-CN must have the same keys; the type enforces it). */
export const en = {
  app: {
    name: 'Lifelong',
    skip: 'Skip to content',
    nav: 'Main',
    language: 'Language',
    footer: 'Lifelong: learning for all the people, for life.',
  },
  nav: {
    home: 'Home',
    signIn: 'Sign in',
    register: 'Register',
    signOut: 'Sign out',
  },
  state: {
    loading: 'Loading…',
    retry: 'Try again',
    error: 'Something went wrong',
    offline: 'The platform did not answer. Check your connection and try again.',
    loadMore: 'Show more',
  },
  signIn: {
    title: 'Sign in',
    learnerNumber: 'Learner number',
    learnerNumberHint: 'The 16-character number you got when you registered.',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    noAccount: 'No learner number yet?',
    register: 'Register',
    failed: 'Sign-in failed',
  },
  register: {
    title: 'Register',
    intro: 'Register with your real name as on your identity document. A registrar then verifies your identity.',
    legalName: 'Legal name',
    dateOfBirth: 'Date of birth',
    scheme: 'Identity document',
    schemes: { 'CN-RIC': 'Resident identity card (China)' },
    nationalId: 'Identity document number',
    password: 'Password',
    passwordHint: 'At least 10 characters.',
    submit: 'Register',
    submitting: 'Registering…',
    failed: 'Registration failed',
    done: 'You are registered',
    yourNumber: 'Your learner number',
    keepIt: 'Keep it: you sign in with it. Your credits are kept once a registrar has verified your identity.',
    toSignIn: 'Go to sign in',
    haveAccount: 'Already registered?',
  },
  home: {
    title: 'Welcome, {name}',
    learnerNumber: 'Learner number',
    status: 'Identity',
    statuses: {
      unverified: 'waiting for verification',
      verified: 'verified',
      rejected: 'not verified',
      revoked: 'verification revoked',
    },
    unverifiedNote: 'A registrar has not verified your identity yet; credits are recorded once they have.',
    noCenters: 'No learning centers are enabled in your region yet.',
  },
  notFound: { title: 'Page not found', back: 'Back to the home page' },
  unavailable: { title: 'Not available here', body: 'This part of the portal is not enabled in your region.' },
} as const;

/** The shape every locale's messages have: the same keys, any strings. */
export type Messages = { [K in keyof typeof en]: Widen<(typeof en)[K]> };
export type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };
