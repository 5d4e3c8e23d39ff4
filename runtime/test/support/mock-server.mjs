// Placeholder: the mock one-stop server for <motcua-form>/<motcua-track> tests is added with them.
export function mockServer() {
  return (ctx, next) => next();
}
