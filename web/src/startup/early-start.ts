// The first script of the page: asks for what the first screen needs while the app's code still loads.
import { requestEarly } from '../api/early-requests';
import { startupPaths } from './startup-paths';

requestEarly(startupPaths(window.location));
