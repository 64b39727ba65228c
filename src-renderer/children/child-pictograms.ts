import childThumbDown from '../../assets/pictograms/child-thumb-down.svg';
import childThumbSideways from '../../assets/pictograms/child-thumb-sideways.svg';
import childThumbUp from '../../assets/pictograms/child-thumb-up.svg';
import childWay from '../../assets/pictograms/child-way.svg';
import childWeatherCloud from '../../assets/pictograms/child-weather-cloud.svg';
import childWeatherRain from '../../assets/pictograms/child-weather-rain.svg';
import childWeatherSun from '../../assets/pictograms/child-weather-sun.svg';
import faceBad from '../../assets/pictograms/face-bad.svg';
import faceGood from '../../assets/pictograms/face-good.svg';
import faceOkay from '../../assets/pictograms/face-okay.svg';

/** The children's pictures by option id; the faces are the parents' own, so both ways look alike. */
const childPictograms: Record<string, string> = {
  'face-sad': faceBad,
  'face-okay': faceOkay,
  'face-happy': faceGood,
  'thumb-down': childThumbDown,
  'thumb-sideways': childThumbSideways,
  'thumb-up': childThumbUp,
  'weather-rain': childWeatherRain,
  'weather-cloud': childWeatherCloud,
  'weather-sun': childWeatherSun,
};

export function childPictogramFor(optionId: string): string {
  return childPictograms[optionId] ?? faceOkay;
}

export const childWayPicture = childWay;
