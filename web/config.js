// The one setting of the page: where the API is.
// '' = the origin this page is served from (the local stack serves both at http://127.0.0.1:8080/).
// Deployed as a static site elsewhere: the API's base URL, e.g. 'https://roles-api.example.com'
// (that API must allow this page's origin: see README, "The reference page").
export const API_BASE_URL = '';
