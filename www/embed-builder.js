// embed.html's entry: the editor's builder (js/embed/builder.js) on the engine's list of places.
import * as gongji from './pkg/gongji.js';
import { startBuilder } from './js/embed/builder.js';

startBuilder(gongji);
