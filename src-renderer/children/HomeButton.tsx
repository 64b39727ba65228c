interface HomeButtonProps {
  label: string;
  onHome: () => void;
}

/** Back to the start screen: a house, for children who do not read yet. */
export function HomeButton({ label, onHome }: HomeButtonProps) {
  return (
    <button type="button" className="child-round-button home-button" data-action="home" aria-label={label} onClick={onHome}>
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <path d="M3 11.5 12 4l9 7.5M6 10v10h12V10" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
        <path d="M10 20v-5h4v5" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinejoin="round" />
      </svg>
    </button>
  );
}
