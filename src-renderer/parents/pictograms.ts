import faceBad from '../../assets/pictograms/face-bad.svg';
import faceGood from '../../assets/pictograms/face-good.svg';
import faceOkay from '../../assets/pictograms/face-okay.svg';
import faceVeryBad from '../../assets/pictograms/face-very-bad.svg';
import faceVeryGood from '../../assets/pictograms/face-very-good.svg';
import topicActivities from '../../assets/pictograms/topic-activities.svg';
import topicFamilies from '../../assets/pictograms/topic-families.svg';
import topicHours from '../../assets/pictograms/topic-hours.svg';
import topicOther from '../../assets/pictograms/topic-other.svg';
import topicPremises from '../../assets/pictograms/topic-premises.svg';
import topicStaff from '../../assets/pictograms/topic-staff.svg';

/**
 * Our own pictures for the answer options and topics that have a fixed meaning, by option id.
 * Faces differ by mouth and brows as well as colour, so they can be told apart without colour.
 */
const pictograms: Record<string, string> = {
  'very-bad': faceVeryBad,
  bad: faceBad,
  okay: faceOkay,
  good: faceGood,
  'very-good': faceVeryGood,
  premises: topicPremises,
  activities: topicActivities,
  staff: topicStaff,
  families: topicFamilies,
  hours: topicHours,
  other: topicOther,
};

export function pictogramFor(optionId: string): string | undefined {
  return pictograms[optionId];
}

/** A face poll whose options are not the standard five still shows a face, the neutral one. */
export function faceFor(optionId: string): string {
  return pictograms[optionId] ?? faceOkay;
}
