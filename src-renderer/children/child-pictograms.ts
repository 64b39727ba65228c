import picSandbox from '../../assets/pictograms/child-pic-sandbox.svg';
import picSwing from '../../assets/pictograms/child-pic-swing.svg';
import picSlide from '../../assets/pictograms/child-pic-slide.svg';
import picDrawing from '../../assets/pictograms/child-pic-drawing.svg';
import picBooks from '../../assets/pictograms/child-pic-books.svg';
import picMusic from '../../assets/pictograms/child-pic-music.svg';
import picSnacks from '../../assets/pictograms/child-pic-snacks.svg';
import picBlocks from '../../assets/pictograms/child-pic-blocks.svg';
import picBall from '../../assets/pictograms/child-pic-ball.svg';
import picTeddy from '../../assets/pictograms/child-pic-teddy.svg';
import picFriends from '../../assets/pictograms/child-pic-friends.svg';
import picCars from '../../assets/pictograms/child-pic-cars.svg';
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
  'pic-sandbox': picSandbox,
  'pic-swing': picSwing,
  'pic-slide': picSlide,
  'pic-drawing': picDrawing,
  'pic-books': picBooks,
  'pic-music': picMusic,
  'pic-snacks': picSnacks,
  'pic-blocks': picBlocks,
  'pic-ball': picBall,
  'pic-teddy': picTeddy,
  'pic-friends': picFriends,
  'pic-cars': picCars,
};

export function childPictogramFor(optionId: string): string {
  return childPictograms[optionId] ?? faceOkay;
}

export const childWayPicture = childWay;
