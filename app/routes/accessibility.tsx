import type { MetaFunction } from "@remix-run/node";

/** In the model format of the Public Sector Bodies Accessibility Regulations 2018. */
export default function Accessibility() {
  return (
    <div>
      <h1>Accessibility statement for Working Together self-assessment</h1>
      <p>
        This statement applies to the Working Together self-assessment service, including the questionnaires people
        answer through an invitation link, the results pages and the workshop screens.
      </p>
      <p>
        We want as many people as possible to be able to use this service. For example, that means you should be able
        to:
      </p>
      <ul>
        <li>change colours, contrast levels and fonts using your browser or device settings</li>
        <li>zoom in up to 400% without the text spilling off the screen</li>
        <li>navigate the whole service using just a keyboard</li>
        <li>navigate most of the service using speech recognition software</li>
        <li>listen to the service using a screen reader (including recent versions of JAWS, NVDA and VoiceOver)</li>
        <li>answer a questionnaire on a phone, and come back to it later on any device</li>
      </ul>
      <p>Every chart also has a table of its figures that a screen reader can read.</p>

      <h2>How accessible this service is</h2>
      <p>We know some parts of this service are not fully accessible:</p>
      <ul>
        <li>the questionnaires need JavaScript to run; without it, you cannot answer online</li>
        <li>
          the network picture of how agencies work together is a drawing; the same information is in the partner table
          beside it
        </li>
        <li>
          QR codes on printed handouts cannot be read by everyone; every QR code has the same link printed as text
        </li>
      </ul>

      <h2>Feedback and contact information</h2>
      <p>
        If you need information in a different format, like accessible PDF, large print, easy read, audio recording or
        braille, or a paper copy of a questionnaire, contact the partnership that invited you. They will reply within 5
        working days.
      </p>

      <h2>Reporting accessibility problems with this service</h2>
      <p>
        We are always looking to improve the accessibility of this service. If you find any problems not listed on this
        page or think we are not meeting accessibility requirements, contact the partnership that invited you, or the
        service's administrator.
      </p>

      <h2>Enforcement procedure</h2>
      <p>
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites
        and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the 'accessibility regulations'). If you are
        not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS).
      </p>

      <h2>Technical information about this service's accessibility</h2>
      <p>
        We are committed to making this service accessible, in accordance with the Public Sector Bodies (Websites and
        Mobile Applications) (No. 2) Accessibility Regulations 2018.
      </p>
      <h3>Compliance status</h3>
      <p>
        This service is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due
        to the non-compliances listed below.
      </p>
      <h3>Non-accessible content</h3>
      <p>The content listed below is non-accessible for the following reasons.</p>
      <h4>Non-compliance with the accessibility regulations</h4>
      <ul>
        <li>
          The network picture of partner relationships does not describe every link in words on its own (WCAG 1.1.1).
          The table beside it does.
        </li>
      </ul>

      <h2>How we tested this service</h2>
      <p>
        Every page is checked automatically with axe-core in a real browser each time the service changes, at desktop
        width and at 375 pixels wide, and the questionnaires are completed with the keyboard alone in those tests.
      </p>
      <p>This statement was prepared on 22 November 2026.</p>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Accessibility statement" }];
