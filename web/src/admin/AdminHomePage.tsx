import { Link } from 'react-router';
import { usePageTitle } from '../common/usePageTitle';

const SECTIONS = [
  { to: '/admin/courts', title: 'Courts', text: 'The courts using the service, each with its time zone; add a court.' },
  { to: '/closures', title: 'Closures', text: 'Days a court is closed besides weekends and public holidays (no hearing is set on them).' },
  {
    to: '/admin/agencies',
    title: 'Agencies and API keys',
    text: 'Child-welfare, juvenile-justice and placement agencies; keys for their systems.',
  },
  { to: '/admin/users', title: 'Users', text: 'Create accounts, change a role, disable an account, reset a lost authenticator.' },
  {
    to: '/admin/templates',
    title: 'Order templates',
    text: "The shipped templates and each court's own versions; upload one and preview it.",
  },
];

/** The administrator's home: where each part of the directory is kept. */
export default function AdminHomePage() {
  usePageTitle('Administration');
  return (
    <>
      <h1>Administration</h1>
      <ul className="usa-card-group" aria-label="Administration">
        {SECTIONS.map((section) => (
          <li key={section.to} className="usa-card tablet:grid-col-6 desktop:grid-col-4">
            <div className="usa-card__container">
              <div className="usa-card__header">
                <h2 className="usa-card__heading">
                  <Link to={section.to}>{section.title}</Link>
                </h2>
              </div>
              <div className="usa-card__body">
                <p>{section.text}</p>
              </div>
            </div>
          </li>
        ))}
        <li className="usa-card tablet:grid-col-6 desktop:grid-col-4">
          <div className="usa-card__container">
            <div className="usa-card__header">
              <h2 className="usa-card__heading">
                {/* A page of the service (bull-board), not of this app. */}
                <a href="/admin/queues">Job queues</a>
              </h2>
            </div>
            <div className="usa-card__body">
              <p>Deadline timers, mail and docket deliveries waiting or failed (read-only).</p>
            </div>
          </div>
        </li>
      </ul>
    </>
  );
}
