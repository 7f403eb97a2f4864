// Starts Swagger UI on the page /schema serves. A file, not an inline script, so that the
// page's Content-Security-Policy can allow scripts from this origin only.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/schema/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    persistAuthorization: true,
    validatorUrl: null, // never send the document to validator.swagger.io
    queryConfigEnabled: false, // ignore ?url= and ?configUrl= (no foreign documents)
  });
});
