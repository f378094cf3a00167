import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { AppBar } from './AppBar';
import { Menu } from './Menu';

/**
 * react-admin's layout with Touming's bar and menu. The content column may shrink below its content's
 * width (minWidth 0), so wide tables scroll inside their own box instead of widening the page on phones.
 */
export function Layout({ children }: { children: ReactNode }) {
  return (
    <RaLayout
      appBar={AppBar}
      menu={Menu}
      sx={{
        minWidth: 0,
        '& .RaLayout-appFrame, & .RaLayout-contentWithSidebar, & .RaLayout-content': { minWidth: 0 },
        '& .RaList-content': { overflowX: 'auto' },
      }}
    >
      {children}
    </RaLayout>
  );
}
