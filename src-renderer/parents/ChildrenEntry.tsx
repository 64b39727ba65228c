import '../children/children.css';
import childWay from '../../assets/pictograms/child-way.svg';
import { useTap } from './useTap';

interface ChildrenEntryProps {
  label: string;
  isDisabled: boolean;
  onOpen: () => void;
}

/** The children's way in: a big picture a child recognises without reading the word under it. */
export function ChildrenEntry({ label, isDisabled, onOpen }: ChildrenEntryProps) {
  const tap = useTap(onOpen);
  return (
    <button type="button" className="children-entry" data-action="children" disabled={isDisabled} {...tap}>
      <img className="children-entry-picture" src={childWay} alt="" draggable={false} />
      <span>{label}</span>
    </button>
  );
}
